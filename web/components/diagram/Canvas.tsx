import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type MouseEvent,
} from 'react';
import { StormNotice } from './StormNotice';
import {
  ReactFlow,
  Background,
  Controls,
  applyNodeChanges,
  useReactFlow,
  useStoreApi,
  type NodeChange,
  type OnMove,
  type OnConnectEnd,
  type OnNodeDrag,
} from '@xyflow/react';
import { useLab } from '../../store';
import {
  selDrawn,
  selFlowOn,
  selForgetPosition,
  selPositions,
  selRunAction,
  selSelect,
  selSelectedId,
  selMoveNode,
  selPlaceNodes,
} from '../../store/selectors';
import {
  buildDiagram,
  DiagramCache,
  reuseUnchanged,
  type DiagramEdge,
  type DiagramNode,
  type ReuseMemo,
} from '../../model/diagram';
import { addedIds, dropAction } from '../../model/actions';
import { wireAction } from '../../model/connect';
import { placeAdded } from '../../model/place';
import { DEV_H, devWidth } from '../../model/layout';
import { tf } from '../../i18n/strings';
import { paletteAction, PALETTE_MIME, type PaletteKind } from '../../model/palette';
import { hitTest, wireEndAt } from '../../model/hit';
import { parseId } from '../../model/ids';
import { NetnsNode } from './NetnsNode';
import { StackNode } from './StackNode';
import { DeviceNode } from './DeviceNode';
import { StationNode } from './StationNode';
import { BridgeEdge, StackEdge, WireEdge } from './edges';
import { FlowLayer } from '../flow/FlowLayer';
import { PlaybackBar } from '../flow/PlaybackBar';
import { DeviceMenu, type MenuAt } from './DeviceMenu';
import { FlowGeometry } from '../../flows/geometry';
import { selClassroom, selLessonStep } from '../../lessons/selectors';
import { onDiagramKey } from './keyboard';
import { fitWhole, pickWindow, viewRect, windowAt, type Rect } from '../../model/viewWindow';

const nodeTypes = { netns: NetnsNode, stack: StackNode, device: DeviceNode, station: StationNode };
const edgeTypes = { stack: StackEdge, bridge: BridgeEdge, wire: WireEdge };
const FIT = { padding: 0.08, maxZoom: 1.4 };
/** Classroom: the devices fill the pane, as large as it allows (a projector's text must be read from afar). */
const FIT_CLASSROOM = { padding: 0.02, maxZoom: 3 };
/** React Flow is credited in the About box (web/about/credits.ts), not in the diagram's corner. */
const PRO = { hideAttribution: true };
/**
 * Past this many nodes only those in view are in the page (the others cost layout and a store selector each),
 * and React Flow holds only those near the view (each update of it is a pass over all it holds).
 */
const VISIBLE_ONLY_FROM = 400;
/** React Flow's least zoom here (the fit of a big diagram stops at it). */
const MIN_ZOOM = 0.2;
/** Room left between a node brought into view by keyboard and the pane's edge (a part of the pane). */
const FOCUS_MARGIN = 0.25;
const EMPTY = { nodes: [] as DiagramNode[], edges: [] as DiagramEdge[] };

export function Canvas() {
  const drawn = useLab(selDrawn);
  const positions = useLab(selPositions);
  const selectedId = useLab(selSelectedId);
  const runAction = useLab(selRunAction);
  const select = useLab(selSelect);
  const moveNode = useLab(selMoveNode);
  const forgetPosition = useLab(selForgetPosition);
  const placeNodes = useLab(selPlaceNodes);
  const flowOn = useLab(selFlowOn);
  const classroom = useLab(selClassroom);
  const lessonStep = useLab(selLessonStep);
  const rf = useReactFlow();
  const rfStore = useStoreApi<DiagramNode, DiagramEdge>();
  const [menu, setMenu] = useState<MenuAt | null>(null);

  // unchanged edges stay the objects React Flow already has
  const lastEdges = useRef<DiagramEdge[]>([]);
  // each unchanged device's node and edges from the last build, and what React Flow was given for each
  const cache = useRef<{ diagram: DiagramCache; memo: ReuseMemo } | null>(null);
  cache.current ??= { diagram: new DiagramCache(), memo: new WeakMap() };
  const { diagram: diagramCache, memo } = cache.current;
  const built = useMemo(() => {
    if (!drawn) return EMPTY;
    const next = buildDiagram(drawn, positions, selectedId, classroom ? 'compact' : 'article', diagramCache);
    const edges = reuseUnchanged(next.edges, lastEdges.current, memo);
    lastEdges.current = edges;
    return { nodes: next.nodes, edges };
  }, [drawn, positions, selectedId, classroom, diagramCache, memo]);
  const geometry = useMemo(() => new FlowGeometry(built.nodes, built.edges), [built]);
  const [nodes, setNodes] = useState<DiagramNode[]>(built.nodes);
  // unchanged nodes stay the objects React Flow has (measured and all); a snapshot that lands mid-drag
  // must not snap the dragged node back. Taken in during this render (React renders again at once, before
  // any child), not in an effect after it: React Flow gets the new nodes and edges in one update, not the
  // edges with the old nodes first and the nodes in a second pass over thousands of them
  const [nodesOf, setNodesOf] = useState(built.nodes);
  // (this render is thrown away and run again with the new nodes: nothing below need be computed for it)
  const stale = nodesOf !== built.nodes;
  if (stale) {
    setNodesOf(built.nodes);
    setNodes((prev) => keepDragging(reuseUnchanged(built.nodes, prev, memo), prev));
  }

  // a device or box came or went, the lesson's step or classroom mode changed: show the whole diagram again
  // (a count bumped when the ids or sizes differ from the last build's: no string of thousands of ids per build)
  const shapeOf = useRef({ nodes: [] as DiagramNode[], n: 0 });
  const shape = useMemo(() => {
    const s = shapeOf.current;
    if (!sameShape(s.nodes, built.nodes)) s.n++;
    s.nodes = built.nodes;
    return s.n;
  }, [built.nodes]);
  const fit = classroom ? FIT_CLASSROOM : FIT;
  const devices = useMemo(() => nodes.reduce((n, x) => (x.type === 'device' ? n + 1 : n), 0), [nodes]);

  // the part of a big diagram React Flow holds: the nodes within a screen of the view (null: all of them,
  // until the pane's size is known); recomputed when the view leaves it and at every fit
  const [win, setWin] = useState<Rect | null>(null);
  const big = nodes.length > VISIBLE_ONLY_FROM;
  // the same nodes (or edges) as React Flow holds already stay that list: a device that came outside the
  // window costs React Flow nothing (a new list is a pass over all it holds and a store update)
  const lastHeld = useRef(EMPTY);
  const held = useMemo(() => {
    if (stale) return lastHeld.current;
    const next = big && win ? pickWindow(nodes, built.edges, win) : { nodes, edges: built.edges };
    const prev = lastHeld.current;
    const same = sameItems(next.nodes, prev.nodes);
    const sameEdges = sameItems(next.edges, prev.edges);
    if (same && sameEdges) return prev;
    lastHeld.current = { nodes: same ? prev.nodes : next.nodes, edges: sameEdges ? prev.edges : next.edges };
    return lastHeld.current;
  }, [big, win, nodes, built.edges, stale]);
  const nodesNow = useRef(nodes);
  nodesNow.current = nodes;
  // the whole diagram fitted (fitView would fit only what React Flow holds); no move when the fitted view
  // is the one shown already (a device added in a row that was there: same bounds)
  const fitAll = useCallback(() => {
    const { width, height, transform } = rfStore.getState();
    const vp = fitWhole(nodesNow.current, width, height, MIN_ZOOM, fit.maxZoom, fit.padding);
    if (!vp) return;
    const [tx, ty, zoom] = transform;
    if (Math.abs(vp.x - tx) >= 0.01 || Math.abs(vp.y - ty) >= 0.01 || Math.abs(vp.zoom - zoom) >= 1e-6)
      void rf.setViewport(vp);
    // the window kept when it still serves the fitted view (a row added to a big box moves the fit a little)
    const view = viewRect(vp, width, height);
    setWin((w) => windowAt(w, view));
  }, [rf, rfStore, fit]);
  useLayoutEffect(fitAll, [shape, fitAll, lessonStep]);
  const onMove: OnMove = useCallback(
    (_, vp) => {
      const { width, height } = rfStore.getState();
      if (!width || !height) return;
      const view = viewRect(vp, width, height);
      setWin((w) => windowAt(w, view));
    },
    [rfStore],
  );
  // a node reached by keyboard (Tab, the arrow keys) is brought wholly into view: React Flow pans only to
  // a node wholly out of it, and a big diagram's page holds only the nodes in view, so the next key could
  // not reach past the pane's edge
  const onFocusNode = useCallback(
    (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const pane = wrap.current;
      if (!pane || !el.classList.contains('react-flow__node') || !el.matches(':focus-visible')) return;
      const p = pane.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      // brought in a quarter of the pane from its edge, so the nodes beyond it are in view (and in the page)
      // too; a node larger than the pane (a big box) is left where it is
      const into = (lo: number, hi: number, plo: number, phi: number) => {
        const m = (phi - plo) * FOCUS_MARGIN;
        if (hi - lo > phi - plo) return 0;
        return lo < plo ? Math.min(plo - lo + m, phi - hi) : hi > phi ? Math.max(phi - hi - m, plo - lo) : 0;
      };
      const dx = into(r.left, r.right, p.left, p.right);
      const dy = into(r.top, r.bottom, p.top, p.bottom);
      if (!dx && !dy) return;
      const [tx, ty, zoom] = rfStore.getState().transform;
      void rf.setViewport({ x: tx + dx, y: ty + dy, zoom });
    },
    [rf, rfStore],
  );
  // the Controls' fit button fits the whole diagram too (its own would fit what React Flow holds)
  const onFitButton = useCallback(
    (e: MouseEvent) => {
      if (!(e.target as Element).closest('.react-flow__controls-fitview')) return;
      e.stopPropagation();
      fitAll();
    },
    [fitAll],
  );
  // and when the pane's size changes (the window, classroom mode, a panel)
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let t = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(t);
      t = requestAnimationFrame(fitAll);
    });
    ro.observe(el);
    return () => (cancelAnimationFrame(t), ro.disconnect());
  }, [fitAll]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => setNodes((nds) => applyNodeChanges(changes, nds)),
    [],
  );

  const onNodeDragStop: OnNodeDrag<DiagramNode> = useCallback(
    (event, node) => {
      const id = parseId(node.id);
      const snap = useLab.getState().snap;
      if (!snap || !id) return;
      if (id.type !== 'dev') return moveNode(node.id, node.position);
      const at = 'clientX' in event ? event : event.changedTouches[0];
      const point = rf.screenToFlowPosition({ x: at.clientX, y: at.clientY });
      const onto = hitTest(built.nodes, point, node.id);
      const action = dropAction(snap, { ns: id.ns, dev: id.dev }, onto);
      if (!action) return moveNode(node.id, node.position);
      forgetPosition(node.id);
      setNodes(built.nodes);
      runAction(action);
    },
    [built.nodes, rf, runAction, moveNode, forgetPosition],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      const point = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const onto = hitTest(built.nodes, point);
      const action = paletteAction(kind, onto.ns);
      if (!action) return;
      // what it adds goes where it was dropped (kept in the lab's positions: saved, shared, reloaded)
      const snap = useLab.getState().snap;
      if (snap)
        placeNodes(
          placeAdded(
            action,
            addedIds(action, snap),
            built.nodes,
            point,
            devWidth(classroom ? 'compact' : 'article'),
            DEV_H,
          ),
        );
      runAction(action);
    },
    [built.nodes, rf, runAction, placeNodes, classroom],
  );

  // a wire drawn from a device's handle: the command it means, or the reason there is none
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      const id = state.fromNode ? parseId(state.fromNode.id) : null;
      const snap = useLab.getState().snap;
      if (!snap || id?.type !== 'dev') return;
      const at = 'clientX' in event ? event : event.changedTouches[0];
      const end = wireEndAt(built.nodes, rf.screenToFlowPosition({ x: at.clientX, y: at.clientY }));
      const r = wireAction(snap, { ns: id.ns, dev: id.dev }, end);
      if (r.ok) return runAction(r.action);
      const s = useLab.getState();
      s.setNotice({ kind: 'error', text: tf(`wire.refused.${r.reason}`, s.lang, r.vars) });
    },
    [built.nodes, rf, runAction],
  );

  const onNodeClick = useCallback((_: MouseEvent, n: DiagramNode) => select(n.id), [select]);
  const onPaneClick = useCallback(() => select(null), [select]);
  // right-click on a device: capture on it, or stop the capture; on a station, on any of its devices
  const openMenu = useCallback(
    (nodeId: string, client: { x: number; y: number }, from: Element, back: HTMLElement | null) => {
      const id = parseId(nodeId);
      if (id?.type !== 'dev' && id?.type !== 'ns') return false;
      const box = from.closest('.canvas')!.getBoundingClientRect();
      const at = {
        x: Math.min(client.x - box.left, box.width - 230),
        y: Math.min(client.y - box.top, box.height - 120),
        ns: id.ns,
        back,
      };
      if (id.type === 'dev') return (setMenu({ ...at, dev: id.dev }), true);
      const devs =
        useLab
          .getState()
          .snap?.namespaces.find((x) => x.name === id.ns)
          ?.devices.filter((d) => d.kind !== 'loopback' && d.up)
          .map((d) => d.name) ?? [];
      setMenu({ ...at, dev: null, devs });
      return true;
    },
    [],
  );
  const onNodeContextMenu = useCallback(
    (e: MouseEvent, n: DiagramNode) => {
      if (n.type !== 'device' && n.type !== 'station') return;
      if (
        openMenu(
          n.id,
          { x: e.clientX, y: e.clientY },
          e.currentTarget as Element,
          (e.currentTarget as Element).closest<HTMLElement>('.react-flow__node'),
        )
      )
        e.preventDefault();
    },
    [openMenu],
  );
  // the menu key or Shift+F10 on a focused device opens its menu under it
  const onMenuKey = useCallback(
    (node: HTMLElement) => {
      const r = node.getBoundingClientRect();
      const id = node.dataset.id;
      if (
        id &&
        (node.classList.contains('react-flow__node-device') || node.classList.contains('react-flow__node-station'))
      )
        openMenu(id, { x: r.left + 8, y: r.bottom }, node, node);
    },
    [openMenu],
  );

  return (
    <main className="canvas" onDragOver={allowDrop} onDrop={onDrop} data-testid="canvas" aria-label="Diagram">
      <svg className="markers" aria-hidden="true">
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
          </marker>
        </defs>
      </svg>
      <StormNotice />
      {/* data-devices: the diagram's devices (with many, React Flow holds those near the view, and only those in
          view are in the page) */}
      <div
        className="rf-wrap"
        ref={wrap}
        onKeyDownCapture={(e) => onDiagramKey(e, select, onMenuKey)}
        onClickCapture={onFitButton}
        onFocusCapture={onFocusNode}
        data-devices={devices}
      >
        <ReactFlow
          nodes={held.nodes}
          edges={held.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={onPaneClick}
          onConnectEnd={onConnectEnd}
          onMove={onMove}
          nodesConnectable
          edgesFocusable={false}
          proOptions={PRO}
          elevateNodesOnSelect={false}
          fitView
          fitViewOptions={fit}
          minZoom={MIN_ZOOM}
          onlyRenderVisibleElements={big}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          {flowOn && <FlowLayer geometry={geometry} />}
        </ReactFlow>
      </div>
      {flowOn && <PlaybackBar />}
      {menu && <DeviceMenu at={menu} onClose={() => setMenu(null)} />}
    </main>
  );
}

/** The same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same nodes (ids, in order) with the same sizes. */
function sameShape(a: readonly DiagramNode[], b: readonly DiagramNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.width !== y.width || x.height !== y.height) return false;
  }
  return true;
}

function keepDragging(next: DiagramNode[], prev: DiagramNode[]): DiagramNode[] {
  const dragging = new Map(prev.filter((n) => n.dragging).map((n) => [n.id, n]));
  if (!dragging.size) return next;
  return next.map((n) => {
    const d = dragging.get(n.id);
    return d ? { ...n, position: d.position, dragging: true } : n;
  });
}

function allowDrop(e: DragEvent) {
  if (e.dataTransfer.types.includes(PALETTE_MIME)) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }
}
