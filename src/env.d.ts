// Astro's ambient types (astro:content, import.meta.env) for `tsc` on a fresh clone, before `astro sync` has
// generated .astro/types.d.ts; once generated, those add the collection-specific types.
/// <reference types="astro/client" />
