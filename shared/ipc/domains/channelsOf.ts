/** `drafts` + `setStatus` → method `draftsSetStatus` on channel `drafts:setStatus`: each method is spelled once. */
export type ChannelsOf<D extends string, M extends string> = { readonly [K in M as `${D}${Capitalize<K>}`]: `${D}:${K}` };

export function channelsOf<const D extends string, const M extends string>(domain: D, methods: readonly M[]): ChannelsOf<D, M> {
  return Object.fromEntries(methods.map((m) => [`${domain}${m.charAt(0).toUpperCase()}${m.slice(1)}`, `${domain}:${m}`])) as ChannelsOf<D, M>;
}
