/**
 * Checks shared by the alert formats for values written into XML, so that a bad value is
 * refused with the name of its field rather than by the XML builder's anonymous error.
 */
import { invalid } from '../errors.js';

// Characters XML 1.0 cannot carry at all, not even escaped (most C0 controls, U+FFFE, U+FFFF,
// lone surrogates).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** `value` unchanged, or a VALIDATION_FAILED DomainError at `path` if XML cannot carry it. */
export function optionalText(value: string | undefined, path: string): string | undefined {
  if (value !== undefined && NOT_XML.test(value)) {
    throw invalid(path, 'contains a control character that XML cannot carry');
  }
  return value;
}

/** Like optionalText, and also refuses an empty or blank value unless `allowEmpty`. */
export function requiredText(value: string, path: string, allowEmpty = false): string {
  if (!allowEmpty && value.trim() === '') throw invalid(path, 'is required and may not be empty');
  return optionalText(value, path) ?? value;
}

/** `value` unchanged if it is an absolute URL or URN without whitespace; else an error. */
export function absoluteUrl(value: string, path: string): string {
  if (!URL.canParse(value) || /\s/.test(value)) {
    throw invalid(path, `"${value}" is not an absolute URL or URN`);
  }
  return value;
}

/** `tag` unchanged if it has the shape of an RFC 5646 language tag (xs:language); else an error. */
export function languageTag(tag: string, path: string): string {
  if (!/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(tag)) {
    throw invalid(path, `"${tag}" is not a language tag such as uk-UA`);
  }
  return tag;
}

/**
 * `text` ready for xmlbuilder2's txt() and att(). xmlbuilder2 escapes "<", ">" and quotes, but
 * leaves an "&" that starts something shaped like a reference ("&lt;", "&#65;", "&x;") as it
 * is, so as not to escape escaped text twice; a report quoting "&lt;" would then be read back as
 * "<". Escaping every "&" first gives "&amp;", which it leaves alone. The round-trip tests of
 * cap.ts and atom.ts fail if a later xmlbuilder2 changes either behaviour.
 */
export function forXmlBuilder(text: string): string {
  return text.replaceAll('&', '&amp;');
}
