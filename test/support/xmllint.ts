/**
 * Schema validation for tests, with libxml2's xmllint (Debian's libxml2-utils; .ci/run installs
 * it). A second, independent reading of what Truce writes: the code under test builds XML with
 * one library, and a different one decides whether it is valid.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The schema to validate against: a W3C XML Schema file or a RELAX NG (XML syntax) file. */
export type XmlSchema = { readonly xsd: string } | { readonly relaxng: string };

/**
 * Validates `xml` against the schema file, or throws an Error carrying xmllint's own messages
 * (line numbers refer to `xml`). Never reaches the network (`--nonet`). Requires xmllint on PATH.
 */
export function validateXml(xml: string, schema: XmlSchema): void {
  const directory = mkdtempSync(join(tmpdir(), 'truce-xmllint-'));
  const file = join(directory, 'document.xml');
  try {
    writeFileSync(file, xml, 'utf8');
    const schemaArguments =
      'xsd' in schema ? ['--schema', schema.xsd] : ['--relaxng', schema.relaxng];
    execFileSync('xmllint', ['--noout', '--nonet', ...schemaArguments, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    throw new Error(describeFailure(error, file));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function describeFailure(error: unknown, file: string): string {
  const failure = error as { code?: string; stderr?: string; message?: string };
  if (failure.code === 'ENOENT') {
    return 'xmllint is not installed (Debian: apt-get install libxml2-utils)';
  }
  const messages = (failure.stderr ?? failure.message ?? String(error))
    .replaceAll(file, 'document.xml')
    .trim();
  return `xmllint found the document invalid:\n${messages}`;
}
