import type { CheckCode } from '../../catalog';
import { exifFindings, type ExifSummary } from './exifChecks';
import type { Finding } from './findings';
import { colourFindings, legibilityFindings, type Thumbnail } from './imageChecks';
import type { InspectionLimits } from './limits';

/** What a photo shows, wherever it came from: an upload, or the picture on a page of a PDF. */
export type Photo = { width: number; height: number; channels: number; thumbnail: Thumbnail; exif: ExifSummary };

/** The checks a photo gets for the slot it fills, the same for an upload and for a picture inside a PDF. */
export function photoFindings(photo: Photo, checks: readonly CheckCode[], limits: InspectionLimits): Finding[] {
  const findings: Finding[] = [];
  if (checks.includes('legible')) findings.push(...legibilityFindings(photo, photo.thumbnail, limits));
  if (checks.includes('colour')) findings.push(...colourFindings(photo.channels, photo.thumbnail, limits));
  findings.push(...exifFindings(photo.exif, checks.includes('not_front_camera')));
  return findings;
}
