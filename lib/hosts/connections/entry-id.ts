/** Connections ids are URNs (`urn:lsid:lconn.ibm.com:profiles.note:<uuid>`); its REST APIs take the last part. */
export function entryIdOf(raw: string | null | undefined): string | undefined {
  const id = raw?.trim().split(':').pop();
  return id && /^[\w-]{1,100}$/.test(id) ? id : undefined;
}
