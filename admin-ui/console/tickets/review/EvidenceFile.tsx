import { Box, Link, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslate } from 'react-admin';
import { useFileUrls } from '../../dataProvider';
import type { Evidence } from '../../types';
import { EvidenceViewer } from './EvidenceViewer';

const KB = 1024;
export const formatBytes = (bytes: number): string =>
  bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / KB))} KB`;

/** One file: images in the viewer (a stripped, resized preview), anything else as a download of the original. */
export const EvidenceFile = ({ evidence, alt }: { evidence: Evidence; alt: string }) => {
  const translate = useTranslate();
  const fileUrls = useFileUrls();
  const urls = fileUrls(evidence.id);
  const isImage = evidence.mime.startsWith('image/');
  const facts = [
    evidence.originalName,
    formatBytes(evidence.size),
    evidence.width && evidence.height ? `${evidence.width}×${evidence.height}` : null,
    evidence.pages ? translate('app.review.pages', { smart_count: evidence.pages }) : null,
  ].filter(Boolean);

  return (
    <Stack spacing={1}>
      {isImage ? (
        <EvidenceViewer src={urls.preview} alt={alt} />
      ) : (
        <Box sx={{ p: 3, border: 1, borderColor: 'divider', borderRadius: 1, textAlign: 'center' }}>
          <PictureAsPdfIcon color="error" sx={{ fontSize: 48 }} />
          <Typography variant="body2">{translate('app.review.noPreview')}</Typography>
        </Box>
      )}
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="caption" color="text.secondary">
          {facts.join(' · ')}
        </Typography>
        <Link href={urls.original} download={evidence.originalName} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
          <DownloadIcon fontSize="small" />
          {translate('app.review.download')}
        </Link>
      </Stack>
    </Stack>
  );
};
