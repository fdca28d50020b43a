/**
 * Types for the non-code imports Vite resolves: an asset's URL (`?url`) and the world-atlas
 * TopoJSON file of country outlines.
 */

declare module '*?url' {
  /** The URL the built asset is served at. */
  const url: string;
  export default url;
}

declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';
  /** Natural Earth 1:110m countries and land, as TopoJSON. */
  const topology: Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  export default topology;
}
