// The module is started by the page's script (validate.js), which then calls BrowserValidator's exports.
return;
