// The project's words in the dashboard's own translations (react-i18next, namespace
// "translation"), merged into them by the admin's build (Medusa >= 2.11.1): the sidebar labels
// of our routes (defineRouteConfig with translationNs). The pages themselves pick vi or en with
// ../lib/i18n.ts, which follows the language the dashboard uses.
export default {
  vi: {
    translation: {
      coop: { menu: { sellers: "Người bán", indicators: "Chỉ tiêu kinh tế số" } },
    },
  },
  en: {
    translation: {
      coop: { menu: { sellers: "Sellers", indicators: "Digital-economy indicators" } },
    },
  },
}
