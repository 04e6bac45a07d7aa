// Web mode's check before «Сохранить»: was the opened file changed on disk meanwhile?
import { fingerprint, rememberSource, sourceChanged, type FileHandleLike } from "../../src/taskpane/sourceFile";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A File as the browser hands it over: `arrayBuffer` reads the file on disk. */
function pickedFile(read: () => Uint8Array, lastModified = 1_700_000_000_000): Blob & { lastModified: number } {
  const blob = new Blob([read().slice().buffer as ArrayBuffer]);
  return Object.assign(blob, { lastModified, arrayBuffer: async () => read().slice().buffer as ArrayBuffer });
}

describe("sourceChanged", () => {
  test("the same bytes: unchanged", async () => {
    const file = pickedFile(() => bytes("книга v1"));
    expect(await sourceChanged(rememberSource(file, bytes("книга v1")))).toBe(false);
  });

  test("Chromium's NotReadableError (the file was modified after it was picked): changed", async () => {
    let modified = false;
    const file = pickedFile(() => {
      if (modified) throw new DOMException("The requested file could not be read", "NotReadableError");
      return bytes("книга v1");
    });
    const source = rememberSource(file, new Uint8Array(await file.arrayBuffer()));
    expect(await sourceChanged(source)).toBe(false);
    modified = true;
    expect(await sourceChanged(source)).toBe(true);
  });

  test("a browser that reads the new bytes: the fingerprint differs, changed (even at the same size)", async () => {
    let onDisk = bytes("книга v1");
    const source = rememberSource(pickedFile(() => onDisk), onDisk);
    onDisk = bytes("книга v2");
    expect(onDisk.length).toBe(source.size);
    expect(await sourceChanged(source)).toBe(true);
  });

  test("a File System Access handle: size or lastModified changed, or the file gone → changed", async () => {
    const v1 = bytes("книга v1");
    let now = pickedFile(() => v1, 1000);
    let gone = false;
    const handle: FileHandleLike = {
      getFile: async () => {
        if (gone) throw new DOMException("A requested file or directory could not be found", "NotFoundError");
        return now;
      },
    };
    const source = rememberSource(pickedFile(() => v1, 1000), v1, handle);
    expect(await sourceChanged(source)).toBe(false);
    now = pickedFile(() => v1, 2000);
    expect(await sourceChanged(source)).toBe(true);
    now = pickedFile(() => v1, 1000);
    gone = true;
    expect(await sourceChanged(source)).toBe(true);
  });

  test("fingerprint: length and two hashes; different bytes differ", () => {
    expect(fingerprint(bytes("a"))).toMatch(/^1:[0-9a-f]+:[0-9a-f]+$/);
    expect(fingerprint(bytes("ab"))).not.toBe(fingerprint(bytes("ba")));
  });
});
