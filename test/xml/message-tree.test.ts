import { describe, expect, it } from 'vitest';
import { messageTree } from '../../src/xml/message-tree.js';
import { parseXml } from '../../src/xml/parse.js';
import { xmlText } from '../../src/xml/xml-encoding.js';

function treeOf(bytes: Uint8Array) {
  const parsed = parseXml(bytes, 'message.xml');
  if (!parsed.document) throw new Error(JSON.stringify(parsed.findings));
  try {
    return messageTree(parsed.document, xmlText(bytes) ?? '');
  } finally {
    parsed.document.dispose();
  }
}

describe('messageTree', () => {
  it('gives names, namespaces, attributes and text with entities expanded, and line and column of each start tag', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE m [<!ENTITY n "9">]>\n<m:Nachricht xmlns:m="urn:x">\n  <m:Kanal listVersionID="3"><code>&n;&#57;<![CDATA[9]]></code></m:Kanal>\n</m:Nachricht>';
    const tree = treeOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const channel = tree.root.children[0];
    expect(tree.root).toMatchObject({ name: 'm:Nachricht', namespace: 'urn:x', local: 'Nachricht' });
    expect(channel).toMatchObject({ name: 'm:Kanal', attributes: { listVersionID: '3' }, children: [{ name: 'code', namespace: '', text: '999' }] });
    expect(channel?.scope.get('m')).toBe('urn:x');
    expect(tree.position(channel as NonNullable<typeof channel>)).toEqual({ line: 4, column: 3 });
  });

  it('points an element from an entity at the element that holds the reference', () => {
    const tree = treeOf(Buffer.from('<!DOCTYPE m [<!ENTITY c "<code>9</code>">]>\n<m>\n  <k>&c;</k>\n</m>'));
    const code = tree.root.children[0]?.children[0];
    expect(code).toMatchObject({ name: 'code', text: '9' });
    expect(tree.position(code as NonNullable<typeof code>)).toEqual({ line: 3, column: 3 });
  });
});
