/** The one Buffer function the fake uses (utf-8 byte length), for its browser bundle (webpack ProvidePlugin). */
const encoder = new TextEncoder();
export const Buffer = { byteLength: (s: string) => encoder.encode(s).length };
