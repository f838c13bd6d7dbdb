declare module 'virtual:world-geometry' {
  const geometry: import('./geometry.js').MapGeometry;
  export default geometry;
}
