/** How credentials are encoded on the wire; shared by the schemes and the redactor. */

/** RFC 7617 §2: base64 of user-id ":" password, UTF-8 (§2.1). */
export function basicCredentials(userId: string, password: string): string {
  return Buffer.from(`${userId}:${password}`, 'utf8').toString('base64');
}

/** application/x-www-form-urlencoded encoding of one value. */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** RFC 6749 §2.3.1: client_id and client_secret are form-encoded before HTTP Basic encoding. */
export function oauthClientCredentials(clientId: string, clientSecret: string): string {
  return basicCredentials(formEncode(clientId), formEncode(clientSecret));
}
