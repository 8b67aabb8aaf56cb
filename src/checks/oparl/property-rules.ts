/**
 * `oparl.property-rules`: what the schema descriptions (OParl 1.1 schema/strings.yml) ask of
 * single properties: a Person's `locationObject` comes with `location` naming the same
 * Location ("muss"); the System gives the licence (§3.1 `license`, "empfohlen"); a File gives
 * a `downloadUrl` (§2.7, "empfohlen") and a `name` without file extension ("sollten nicht");
 * a Person's `life` is shorter than 300 characters and comes with `lifeSource` ("empfohlen");
 * a Meeting's `meetingState` is one of the recommended values. Deleted objects are exempt.
 */
import type { FindingCode } from '../../model/finding-codes.js';
import type { Finding } from '../../model/types.js';
import { childPointer } from '../../core/json-pointer.js';
import { isJsonObject } from '../../openapi/refs.js';
import { objectFinding } from '../../oparl/findings.js';
import type { JsonObject } from '../../openapi/types.js';
import { RULE, type Rule } from '../../oparl/rules.js';
import { perTypeKind } from './shared.js';

const FILE_EXTENSION = /\.(pdf|docx?|odt|rtf|txt|xlsx?|ods|pptx?|odp|jpe?g|png|gif|tiff?|zip|html?|xml)$/i;
const MEETING_STATES = ['terminiert', 'eingeladen', 'durchgeführt'];
const LIFE_LENGTH = 300;

interface PropertyRule {
  rule: Rule;
  code: FindingCode;
  property: string;
  /** What is wrong with the object, or undefined when it keeps the rule. */
  broken(object: JsonObject): string | undefined;
}

const locationOf = (person: JsonObject) => (isJsonObject(person.locationObject) ? person.locationObject.id : undefined);

const RULES: Readonly<Record<string, readonly PropertyRule[]>> = {
  System: [{ rule: RULE.SYS_LICENSE, code: 'license-missing', property: 'license', broken: (system) => (system.license === undefined ? 'the System gives no licence for its data' : undefined) }],
  File: [
    { rule: RULE.FILE_DOWNLOAD_URL, code: 'download-url-missing', property: 'downloadUrl', broken: (file) => (file.downloadUrl === undefined ? 'the File gives no downloadUrl' : undefined) },
    {
      rule: RULE.FILE_NAME_NO_EXTENSION,
      code: 'file-name-extension',
      property: 'name',
      broken: (file) => (typeof file.name === 'string' && FILE_EXTENSION.test(file.name) ? `the name "${file.name}" contains a file extension` : undefined),
    },
  ],
  Person: [
    {
      rule: RULE.PERSON_LOCATION_OBJECT,
      code: 'location-object-mismatch',
      property: 'location',
      broken: (person) =>
        person.locationObject !== undefined && person.location !== locationOf(person)
          ? `"location" is ${JSON.stringify(person.location)}, not the id of locationObject, ${JSON.stringify(locationOf(person))}`
          : undefined,
    },
    {
      rule: RULE.PERSON_LIFE_SHORT,
      code: 'life-long',
      property: 'life',
      broken: (person) => (typeof person.life === 'string' && person.life.length >= LIFE_LENGTH ? `"life" has ${person.life.length} characters, not fewer than ${LIFE_LENGTH}` : undefined),
    },
    {
      rule: RULE.PERSON_LIFE_SOURCE,
      code: 'life-source-missing',
      property: 'lifeSource',
      broken: (person) => (person.life !== undefined && person.lifeSource === undefined ? '"life" is given without "lifeSource"' : undefined),
    },
  ],
  Meeting: [
    {
      rule: RULE.MEETING_STATE,
      code: 'meeting-state',
      property: 'meetingState',
      broken: (meeting) =>
        typeof meeting.meetingState === 'string' && !MEETING_STATES.includes(meeting.meetingState)
          ? `the meetingState "${meeting.meetingState}" is none of ${MEETING_STATES.join(', ')}`
          : undefined,
    },
  ],
};

export const propertyRulesKind = perTypeKind({
  name: 'oparl.property-rules',
  description: 'Properties as the schema descriptions ask for them',
  decides: Object.values(RULES).flatMap((rules) => rules.map(({ rule }) => rule)),
  types: Object.keys(RULES),
  rules: (selected, { type }) => (selected.some((occurrence) => occurrence.object.deleted !== true) ? (RULES[type] ?? []).map(({ rule }) => rule) : []),
  examine(occurrence, { type }): Finding[] {
    if (occurrence.object.deleted === true) return [];
    return (RULES[type] ?? []).flatMap(({ rule, code, property, broken }) => {
      const message = broken(occurrence.object);
      return message ? [objectFinding(occurrence, rule, code, message, { pointer: childPointer(occurrence.pointer, property) })] : [];
    });
  },
});
