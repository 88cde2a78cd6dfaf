/**
 * What an import specifier names when it is not a JavaScript or TypeScript module. Bundlers (Next.js,
 * Vite, esbuild) load these with loaders of their own; nothing under them is a source file to probe for,
 * so `./x.css` is never looked up as `./x.css/index.ts`.
 *
 * - `style`: goes to a CSS chunk, not to the JavaScript bundle.
 * - `json`: inlined into the JavaScript bundle as data.
 * - `asset`: emitted as a file of its own; the bundle holds its URL (images, fonts, media, `?url`, `?raw`).
 * - `binary`: a native addon or WebAssembly module.
 * - `inline`: a `data:` URL.
 */
export type NonSourceKind = 'style' | 'json' | 'asset' | 'binary' | 'inline';

const BY_EXTENSION: ReadonlyMap<string, NonSourceKind> = new Map([
  ...(['css', 'scss', 'sass', 'less', 'styl', 'stylus', 'pcss', 'postcss'] as const).map((e) => [e, 'style'] as const),
  ...(['json', 'jsonc', 'json5'] as const).map((e) => [e, 'json'] as const),
  ...(['wasm', 'node'] as const).map((e) => [e, 'binary'] as const),
  ...([
    'svg', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'apng',
    'woff', 'woff2', 'ttf', 'otf', 'eot',
    'mp4', 'webm', 'mov', 'mp3', 'wav', 'ogg', 'flac', 'aac', 'm4a',
    'pdf', 'txt', 'csv', 'tsv', 'xml', 'html', 'htm', 'md', 'mdx', 'yaml', 'yml', 'toml',
    'graphql', 'gql', 'glsl', 'frag', 'vert', 'wgsl', 'sql', 'proto', 'zip', 'gz', 'bin',
  ] as const).map((e) => [e, 'asset'] as const),
]);

/** The kind of a non-source import (`./x.css`, `./d.json`, `./logo.svg?url`, `data:…`), or null for code. */
export function nonSourceKind(specifier: string): NonSourceKind | null {
  if (specifier.startsWith('data:')) return 'inline';
  const query = specifier.indexOf('?');
  const path = query === -1 ? specifier : specifier.slice(0, query);
  const kind = BY_EXTENSION.get(extensionOf(path));
  if (kind) return kind;
  // `?raw`, `?url`, `?inline`, `?worker`: a bundler's loader query makes anything an asset.
  return query === -1 ? null : 'asset';
}

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
}
