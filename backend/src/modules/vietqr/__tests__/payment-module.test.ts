import path from "node:path"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  closeWaitingroomClient,
  dropDatabase,
  moduleIntegrationTestRunner,
} from "@medusajs/test-utils"

/**
 * Both providers registered in Medusa's real payment module (on the test PostgreSQL), the way
 * medusa-config registers them: ids, data flow between the module and the providers, refunds
 * with Medusa's raw amounts, partial captures (one per seller part).
 */

const dbName = `coop-test-payment-providers-${process.pid}`
const paymentPackage = path.dirname(path.dirname(require.resolve("@medusajs/payment")))

// Runs after the runner's own clean-up: the database is this file's alone. dropDatabase's
// default credentials are localhost:5432, so pass the test server's (set by global-setup).
afterAll(async () => {
  await dropDatabase(
    { databaseName: dbName, errorIfNonExist: true },
    {
      host: process.env.DB_HOST,
      port: Number(process.env.DB_PORT),
      user: process.env.DB_USERNAME,
      password: process.env.DB_PASSWORD,
    },
  )
  await closeWaitingroomClient()
})

moduleIntegrationTestRunner<IPaymentModuleService>({
  moduleName: Modules.PAYMENT,
  resolve: paymentPackage,
  dbName,
  moduleOptions: {
    providers: [
      { resolve: path.resolve(__dirname, ".."), id: "vietqr" },
      { resolve: path.resolve(__dirname, "../../cod"), id: "cod" },
    ],
  },
  testSuite: ({ service }) => {
    async function session(provider_id: string, amount = 185000) {
      const collection = await service.createPaymentCollections({ currency_code: "vnd", amount })
      return service.createPaymentSession(collection.id, {
        provider_id,
        amount,
        currency_code: "vnd",
        data: {},
      })
    }

    it("registers pp_vietqr_vietqr and pp_cod_cod", async () => {
      const ids = (await service.listPaymentProviders({})).map((p) => p.id)
      expect(ids).toEqual(expect.arrayContaining(["pp_vietqr_vietqr", "pp_cod_cod"]))
    })

    it("VietQR: authorized at order time, captured per seller part, refund recorded", async () => {
      const s = await session("pp_vietqr_vietqr")
      expect(s.data).toMatchObject({ status: "pending", amount: 185000, currency_code: "vnd" })

      const payment = await service.authorizePaymentSession(s.id, {})
      expect(payment?.data).toMatchObject({ status: "authorized", transfer_status: "awaiting" })
      const [authorizedSession] = await service.listPaymentSessions({ id: s.id })
      expect(authorizedSession.status).toBe("authorized")

      // Two seller parts, each confirmed separately.
      await service.capturePayment({ payment_id: payment!.id, amount: 100000 })
      const afterFirst = await service.retrievePayment(payment!.id)
      expect(afterFirst.captured_at).toBeFalsy()
      expect(afterFirst.data).toMatchObject({ status: "captured", transfer_status: "received" })
      const firstCapturedAt = afterFirst.data?.captured_at
      await service.capturePayment({ payment_id: payment!.id, amount: 85000 })
      const captured = await service.retrievePayment(payment!.id, { relations: ["captures"] })
      expect(captured.captured_at).toBeTruthy()
      expect(captured.captures).toHaveLength(2)
      expect(captured.data?.captured_at).toBe(firstCapturedAt)

      await service.refundPayment({ payment_id: payment!.id, amount: 50000 })
      const refunded = await service.retrievePayment(payment!.id, { relations: ["refunds"] })
      expect(refunded.refunds).toHaveLength(1)
      expect(refunded.data?.refunds).toEqual([
        expect.objectContaining({ amount: 50000, refund_id: refunded.refunds![0].id }),
      ])
      // Medusa itself refuses to refund more than was captured.
      await expect(
        service.refundPayment({ payment_id: payment!.id, amount: 135001 }),
      ).rejects.toThrow()
    })

    it("VietQR: a payment canceled before the money arrived", async () => {
      const s = await session("pp_vietqr_vietqr", 99000)
      const payment = await service.authorizePaymentSession(s.id, {})
      await service.cancelPayment(payment!.id)
      const canceled = await service.retrievePayment(payment!.id)
      expect(canceled.canceled_at).toBeTruthy()
      expect(canceled.data).toMatchObject({ status: "canceled", transfer_status: "canceled" })
    })

    it("refuses a session in another currency", async () => {
      const collection = await service.createPaymentCollections({
        currency_code: "usd",
        amount: 10,
      })
      for (const provider_id of ["pp_vietqr_vietqr", "pp_cod_cod"]) {
        await expect(
          service.createPaymentSession(collection.id, {
            provider_id,
            amount: 10,
            currency_code: "usd",
            data: {},
          }),
        ).rejects.toThrow(/VND/)
      }
      expect(await service.listPaymentSessions({ payment_collection_id: collection.id })).toEqual(
        [],
      )
    })

    it("COD: authorized at once, captured on delivery, cash refund recorded", async () => {
      const s = await session("pp_cod_cod", 240000)
      const payment = await service.authorizePaymentSession(s.id, {})
      expect(payment?.data).toMatchObject({
        status: "authorized",
        collection_status: "awaiting_delivery",
      })
      await service.capturePayment({ payment_id: payment!.id, amount: 240000 })
      const captured = await service.retrievePayment(payment!.id)
      expect(captured.captured_at).toBeTruthy()
      expect(captured.data).toMatchObject({ status: "captured", collection_status: "collected" })
      await service.refundPayment({ payment_id: payment!.id, amount: 240000 })
      const refunded = await service.retrievePayment(payment!.id)
      expect(refunded.data?.refunds).toEqual([expect.objectContaining({ amount: 240000 })])
    })
  },
})
