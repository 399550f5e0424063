// Types for site/contentSecurityPolicy.mjs (plain JavaScript so that scripts/serve-site.mjs reads it without a build).
export declare const DOH_ORIGINS: readonly string[];
export declare const META_CONTENT_SECURITY_POLICY: string;
export declare const CONTENT_SECURITY_POLICY: string;
