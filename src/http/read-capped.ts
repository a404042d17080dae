import type { ApiError } from "../errors";

/**
 * The body's chunks, counting the bytes actually received: Content-Length is not trusted (it can lie or be
 * absent), so reading stops as soon as the count passes `limit`. Chunks are returned as read, so the caller
 * decides whether to join them (small JSON) or keep them in a Blob (a 10 MB upload, without another copy).
 */
export async function readCappedChunks(request: Request, limit: number, tooLarge: () => ApiError): Promise<Uint8Array[]> {
  if (!request.body) return [];
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return chunks;
}
