import type { AcceptedMimeType, Localized } from '../../catalog';
import { acceptedList, refusalTexts, spaced } from './findingTexts';

/** The upload cannot be accepted at all; the route answers `status` with `code` and both messages. */
export class RefusedFile extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    readonly code: string,
    override readonly message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'RefusedFile';
  }
}

const refusal = (status: 413 | 415 | 422, code: string, text: Localized) => {
  const { en, 'zh-CN': zh } = spaced(text);
  return new RefusedFile(status, code, en, zh);
};

export const refuse = {
  unsupportedType: (found: Localized, accept: readonly AcceptedMimeType[]) =>
    refusal(415, 'UNSUPPORTED_TYPE', refusalTexts.unsupportedType(found, acceptedList(accept))),
  notAcceptedHere: (mime: AcceptedMimeType, accept: readonly AcceptedMimeType[]) =>
    refusal(415, 'UNSUPPORTED_TYPE', refusalTexts.notAcceptedHere(mime, acceptedList(accept))),
  fileTooLarge: (size: number, maxBytes: number) => refusal(413, 'FILE_TOO_LARGE', refusalTexts.fileTooLarge(size, maxBytes)),
  imageTooLarge: (maxPixels: number) => refusal(413, 'IMAGE_TOO_LARGE', refusalTexts.imageTooLarge(maxPixels)),
  corrupt: (mime: AcceptedMimeType) => refusal(422, 'CORRUPT_FILE', refusalTexts.corrupt(mime)),
  damagedMetadata: () => refusal(422, 'DAMAGED_METADATA', refusalTexts.damagedMetadata),
  /** An object bomb or a PDF pdf-lib could not parse within its budgets; `maxObjects` when the object count was the bound. */
  pdfTooComplex: (maxObjects: number | null = null) => refusal(413, 'PDF_TOO_COMPLEX', refusalTexts.pdfTooComplex(maxObjects)),
};
