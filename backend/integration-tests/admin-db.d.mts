export declare const quoteIdentifier: (name: string) => string
export declare const asynchronousCommit: (name: string) => string
export declare function adminQuery(statements: string[]): Promise<void>
