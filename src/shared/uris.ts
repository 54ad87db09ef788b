// URIs as both ends of the protocol show them to a reader.

/** The file name at the end of a URI, decoded ("004_report.txt"). */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
