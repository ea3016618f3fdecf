import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import RotateLeftIcon from '@mui/icons-material/RotateLeft';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import { useTranslate } from 'react-admin';
import { layoutImage, MAX_ZOOM, MIN_ZOOM, rotate, zoomIn, zoomOut, type Size } from './viewerModel';

const FRAME_HEIGHT = 440;

/**
 * An evidence preview that zooms (buttons, mouse wheel) and turns in quarter turns. Past the frame the image
 * scrolls, so every corner of a document can be read.
 */
export const EvidenceViewer = ({ src, alt }: { src: string; alt: string }) => {
  const translate = useTranslate();
  const frameRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<Size | null>(null);
  const [frameWidth, setFrameWidth] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [degrees, setDegrees] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return undefined;
    setFrameWidth(frame.clientWidth);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => setFrameWidth(frame.clientWidth));
    observer?.observe(frame);
    // React's wheel listener is passive; this one must not be, or the page scrolls while zooming.
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0) return;
      event.preventDefault();
      setZoom((current) => (event.deltaY < 0 ? zoomIn(current) : zoomOut(current)));
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer?.disconnect();
      frame.removeEventListener('wheel', onWheel);
    };
  }, []);

  const layout = natural && frameWidth > 0 ? layoutImage(natural, { width: frameWidth, height: FRAME_HEIGHT }, degrees, zoom) : null;
  const control = (label: string, icon: ReactNode, onClick: () => void, disabled = false) => (
    <Tooltip title={translate(label)}>
      <span>
        <IconButton size="small" aria-label={translate(label)} onClick={onClick} disabled={disabled}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );

  return (
    <Box>
      <Stack direction="row" alignItems="center" spacing={0.5} role="toolbar" aria-label={translate('app.viewer.toolbar')}>
        {control('app.viewer.zoomOut', <ZoomOutIcon />, () => setZoom(zoomOut), zoom <= MIN_ZOOM)}
        <Typography variant="caption" sx={{ minWidth: 44, textAlign: 'center' }} aria-live="polite" data-testid="zoom-level">
          {Math.round(zoom * 100)}%
        </Typography>
        {control('app.viewer.zoomIn', <ZoomInIcon />, () => setZoom(zoomIn), zoom >= MAX_ZOOM)}
        {control('app.viewer.fit', <FitScreenIcon />, () => setZoom(1))}
        {control('app.viewer.rotateLeft', <RotateLeftIcon />, () => setDegrees((current) => rotate(current, -90)))}
        {control('app.viewer.rotateRight', <RotateRightIcon />, () => setDegrees((current) => rotate(current, 90)))}
      </Stack>
      <Box
        ref={frameRef}
        sx={{
          height: FRAME_HEIGHT,
          overflow: 'auto',
          bgcolor: 'grey.900',
          borderRadius: 1,
          display: 'flex',
          // Centred while smaller than the frame; "safe" keeps the top-left corner reachable once larger.
          alignItems: 'safe center',
          justifyContent: 'safe center',
        }}
      >
        {failed ? (
          <Typography color="grey.300" sx={{ m: 'auto' }}>
            {translate('app.viewer.failed')}
          </Typography>
        ) : (
          <Box sx={{ position: 'relative', flex: 'none', ...(layout ? layout.box : { width: '100%', height: '100%' }) }}>
            <Box
              component="img"
              src={src}
              alt={alt}
              draggable={false}
              onLoad={(event) => {
                const image = event.currentTarget as HTMLImageElement;
                setNatural({ width: image.naturalWidth, height: image.naturalHeight });
              }}
              onError={() => setFailed(true)}
              data-rotation={degrees}
              sx={{
                position: 'absolute',
                left: '50%',
                top: '50%',
                transform: `translate(-50%, -50%) rotate(${degrees}deg)`,
                transition: 'transform 150ms ease-out',
                ...(layout ? layout.image : { maxWidth: '100%', maxHeight: '100%' }),
                opacity: layout ? 1 : 0,
              }}
            />
          </Box>
        )}
      </Box>
    </Box>
  );
};
