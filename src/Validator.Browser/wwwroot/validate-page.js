// The page 校验记录: files dropped or chosen are checked here, in the browser, one after another; each result is
// an element with data-file and data-valid, each finding inside it one with data-code (issue 18 item 6).
// A classic script, not a module: a page opened from disk runs no module script at all (file:// has no origin),
// and this one must still run there to say why the validator cannot.
(() => {
  const status = document.getElementById("validator-status");
  const input = document.getElementById("validator-files");
  const drop = document.getElementById("validator-drop");
  const results = document.getElementById("validator-results");
  const summary = document.getElementById("validator-summary");
  const downloads = drop?.dataset.downloads ?? "forms.html";

  if (location.protocol === "file:") {
    status.textContent = "从本机磁盘打开的网页不能运行校验程序（浏览器不允许从 file:// 加载 WebAssembly）。" +
      "请通过 http 访问本站，例如在网站文件夹中运行 python3 -m http.server，再打开 http://localhost:8000/validate.html。";
    return;
  }

  function element(tag, text, attributes = {}) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    return e;
  }

  function show(entry) {
    const item = element("li", "", { "data-file": entry.path, "data-valid": String(entry.valid), class: "result" });
    const form = entry.form ? `表单 ${entry.form.id}${entry.form.version ? "（版本 " + entry.form.version + "）" : ""}` : "未识别的表单";
    item.append(element("h3", `${entry.path}：${entry.valid ? "合格" : "不合格"}`), element("p", form));
    const list = element("ul");
    for (const f of entry.errors) {
      const line = element("li", "", { "data-code": f.code, "data-severity": f.severity });
      // The message often names the field already: the label goes first only when it does not.
      const label = f.label && !f.message.includes(f.label) ? `“${f.label}”：` : "";
      line.append(element("strong", f.severity === "error" ? "错误" : "提示"), " ", label, f.message);
      if (f.code === "outdated-form-version" && entry.form) {
        line.append(" ", element("a", "下载现行表单", { href: downloads + "#" + entry.form.id }));
      }
      list.append(line);
    }
    if (entry.errors.length) item.append(list);
    results.append(item);
  }

  const validator = import(new URL("handbook-validator.js", document.currentScript.src).href).then((m) => m.handbookValidator);

  async function check(files) {
    const handbookValidator = await validator;
    let valid = 0;
    let done = 0;
    summary.textContent = `正在检查 ${files.length} 个文件…`;
    for (const file of files) {
      show(await handbookValidator.validate(await file.arrayBuffer(), file.name));
      done++;
      if (results.lastElementChild.dataset.valid === "true") valid++;
    }
    summary.textContent = `共检查 ${done} 个文件：${valid} 个合格，${done - valid} 个不合格。`;
  }

  status.textContent = "正在加载校验程序…";
  validator.then((v) => v.ready()).then(() => {
    status.textContent = "校验程序已就绪：文件只在本浏览器中检查，不会上传。";
    input.disabled = false;
  }, (e) => { status.textContent = "校验程序无法加载：" + e.message; });
  input.addEventListener("change", () => check([...input.files]));
  drop.addEventListener("dragover", (e) => e.preventDefault());
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    check([...e.dataTransfer.files].filter((f) => f.name.toLowerCase().endsWith(".docx")));
  });
})();
