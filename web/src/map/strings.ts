/**
 * The words of the shared MapLibre set-up (map/setup.ts): its controls and attributions. Part of
 * the English catalogue of strings.ts.
 */
export const mapStrings = {
  'map.attribution': 'Country outlines: Natural Earth',
  'map.tilesAttribution': 'Map tiles: {host}',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.resetBearing': 'Reset bearing to north',
} as const;
