// Worker bundle only (wrangler.toml [alias]): the libSQL client uses `js-base64` for two calls, bytes to
// standard base64 and back (URL-safe letters and missing padding accepted, anything else ignored). The
// runtime's atob/btoa do both.

function fromUint8Array(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 0x1000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x1000));
  }
  return btoa(binary);
}

function toUint8Array(text: string): Uint8Array {
  const base64 = text.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/')).replace(/[^A-Za-z0-9+/]/g, '');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const Base64 = { fromUint8Array, toUint8Array };
