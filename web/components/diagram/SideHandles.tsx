import { Handle, Position } from '@xyflow/react';

const POSITIONS = { t: Position.Top, b: Position.Bottom, l: Position.Left, r: Position.Right } as const;

/** A source and a target handle on each side named (`ts`/`tt` on top...), for edges drawn by the layout, never by the user. */
export function SideHandles({ sides }: { sides: readonly (keyof typeof POSITIONS)[] }) {
  return (
    <>
      {sides.map((s) => (
        <span key={s}>
          <Handle id={`${s}s`} type="source" position={POSITIONS[s]} isConnectable={false} />
          <Handle id={`${s}t`} type="target" position={POSITIONS[s]} isConnectable={false} />
        </span>
      ))}
    </>
  );
}
