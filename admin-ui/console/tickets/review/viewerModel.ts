export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 6;
const STEP = 1.25;

export const clampZoom = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export const zoomIn = (zoom: number): number => clampZoom(zoom * STEP);
export const zoomOut = (zoom: number): number => clampZoom(zoom / STEP);

/** Quarter turns only: ID photos are upright, on their side or upside down. */
export const rotate = (degrees: number, by: 90 | -90): number => (((degrees + by) % 360) + 360) % 360;

export interface Size {
  width: number;
  height: number;
}

/**
 * The box the turned image takes up at this zoom, and the size to draw the image itself at (before turning).
 * Zoom 1 fits the whole turned image in the frame.
 */
export const layoutImage = (natural: Size, frame: Size, degrees: number, zoom: number) => {
  const sideways = degrees % 180 !== 0;
  const turned = sideways ? { width: natural.height, height: natural.width } : natural;
  const fit = Math.min(frame.width / turned.width, frame.height / turned.height, 1);
  const scale = fit * zoom;
  return {
    box: { width: turned.width * scale, height: turned.height * scale },
    image: { width: natural.width * scale, height: natural.height * scale },
  };
};
