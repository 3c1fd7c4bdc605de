/** Official documents (文书): numbering and .docx rendering from replaceable templates. */
export { allocateNumber, type AllocatedNumber } from './numbers.js';
export { BUNDLED_TEMPLATES, chineseDate, renderDocument, templatePath, type RenderOptions } from './render.js';
