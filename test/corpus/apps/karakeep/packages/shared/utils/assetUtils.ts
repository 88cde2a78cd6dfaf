export function getAssetUrl(assetId: string) {
  return `/api/assets/${assetId}`;
}
