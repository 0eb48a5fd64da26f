export * from './lib/floor-plan.component';
// Type only: the component loads the renderer (and Konva) lazily; the benchmark imports it by path.
export type { FloorPlanRendererOptions, SpaceRecord, FloorPlanRenderer } from './lib/floor-plan-renderer';
export { STATE_FILL, STATE_INK } from './lib/floor-plan-style';
export * from './lib/floor-plan-editor.component';
// Type only: the editor component loads its renderer (and Konva) lazily; the benchmark imports it by path.
export type {
  EditorEdit,
  EditorRenderer,
  EditorRendererOptions,
  EditorTool,
  Line,
  ZoneVertexChange,
} from './lib/editor-renderer';
