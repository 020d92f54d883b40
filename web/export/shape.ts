// A frame drawn on the diagram at a flow step (a labelled pill or a dot), or the spot of the step under way.

export interface Shape {
  kind: 'pill' | 'dot' | 'spot';
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  /** the text in a pill; null for a dot or the current step's spot */
  label: string | null;
  alpha: number;
  /** the selected frame has a ring */
  ring: boolean;
}
