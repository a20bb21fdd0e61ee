// handbookValidator.validate(bytes, name) -> the DESIGN §6 entry of that file, as the command line reports it.
// Everything runs in this browser: the record is never sent anywhere. The only requests are for the site's own
// files: _framework/ (the .NET runtime and the validator) and handbook.bin (the handbook's forms and rules).
const base = new URL(".", import.meta.url);
let ready;

// The performance marks split the first visit for bench/BrowserValidator.
async function start() {
  performance.mark("handbook-validator:start");
  // The handbook's data is fetched while the runtime starts.
  const data = fetch(new URL("handbook.bin", base)).then((response) => {
    if (!response.ok) throw new Error("无法读取手册数据 handbook.bin（" + response.status + "）");
    return response.arrayBuffer();
  });
  const { dotnet } = await import(new URL("_framework/dotnet.js", base).href);
  performance.mark("handbook-validator:dotnet.js");
  const runtime = await dotnet.create();
  performance.mark("handbook-validator:created");
  const exports = await runtime.getAssemblyExports("Validator.Browser.dll");
  const api = exports.Handbook.Validator.Browser.BrowserValidator;
  performance.mark("handbook-validator:exports");
  const bytes = new Uint8Array(await data);
  performance.mark("handbook-validator:fetched");
  const problem = api.Load(bytes);
  performance.mark("handbook-validator:loaded");
  if (problem) throw new Error(problem);
  return api;
}

export const handbookValidator = {
  /** Resolves when the validator is loaded; rejects with a Chinese message when it cannot be. */
  ready() {
    ready ??= start();
    return ready;
  },
  /** bytes: ArrayBuffer or Uint8Array of a .docx; name: the file's name as shown in the result. */
  async validate(bytes, name) {
    const api = await this.ready();
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return JSON.parse(api.Validate(data, name));
  },
};

globalThis.handbookValidator = handbookValidator;
