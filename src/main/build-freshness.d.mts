export declare const ROOT: string
/** The path of out/main/<name> when it exists and is at least as new as every source file, else null. */
export declare function freshBuild(name: string): string | null
