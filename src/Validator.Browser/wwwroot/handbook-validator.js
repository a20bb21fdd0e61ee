// handbookValidator.validate(bytes, name) -> the DESIGN §6 entry of that file, as the command line reports it.
// Everything runs in this browser: the record is never sent anywhere. The only requests are for the site's own
// files: _framework/ (the .NET runtime and the validator) and handbook.zip (the handbook's sources).
const base = new URL(".", import.meta.url);
let ready;

async function start() {
  const { dotnet } = await import(new URL("_framework/dotnet.js", base).href);
  const runtime = await dotnet.create();
  const exports = await runtime.getAssemblyExports("Validator.Browser.dll");
  const api = exports.Handbook.Validator.Browser.BrowserValidator;
  const response = await fetch(new URL("handbook.zip", base));
  if (!response.ok) throw new Error("无法读取手册数据 handbook.zip（" + response.status + "）");
  const problem = api.Load(new Uint8Array(await response.arrayBuffer()));
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
