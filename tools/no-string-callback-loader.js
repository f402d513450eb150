/**
 * Webpack loader for ExcelJS's prebuilt browser bundle. Its setImmediate polyfill turns a callback given as a
 * *string* into code with `new Function`; nothing of ours passes one, and the pane's Content-Security-Policy
 * forbids evaluating strings anyway. This replaces that one branch with a TypeError, so the shipped bundle holds no
 * string-to-code path at all. The text must be found exactly once: a new ExcelJS that changes it fails the build
 * here rather than shipping the old path unnoticed.
 */
const STRING_CALLBACK = '"function"!=typeof e&&(e=new Function(""+e))';
const REFUSED = '"function"!=typeof e&&(e=function(){throw new TypeError("setImmediate needs a function")})';

module.exports = function noStringCallback(source) {
  const at = source.indexOf(STRING_CALLBACK);
  if (at < 0 || source.indexOf(STRING_CALLBACK, at + 1) >= 0) {
    throw new Error(`no-string-callback-loader: expected the setImmediate polyfill text once in ${this.resourcePath}`);
  }
  return source.slice(0, at) + REFUSED + source.slice(at + STRING_CALLBACK.length);
};
