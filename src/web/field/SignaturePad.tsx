/**
 * A signature drawn on screen (帮扶成效签字: the household's and the helper's): a <canvas> that follows the finger or
 * pen with pointer events, 清除 to start again; the drawing is handed on as a PNG.
 */
import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';

const HEIGHT = 160;

export function SignaturePad({ label, testId, onChange }: { label: string; testId: string; onChange: (png: Blob | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const [signed, setSigned] = useState(false);

  // The canvas is as wide as the form and sharp on a dense screen.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    const width = c.clientWidth;
    c.width = Math.round(width * ratio);
    c.height = Math.round(HEIGHT * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, HEIGHT);
    ctx.fillStyle = '#111';
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const finish = () => {
    if (!drawing.current) return;
    drawing.current = null;
    canvas.current?.toBlob((b) => onChange(b), 'image/png');
  };

  const clear = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
    setSigned(false);
    onChange(null);
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 4 }}>
        <span>
          {label}
          {signed ? <span style={{ color: '#389e0d', marginLeft: 8 }}>已签字</span> : <span style={{ color: '#999', marginLeft: 8 }}>请在框内签字</span>}
        </span>
        <Button size="small" onClick={clear} disabled={!signed}>
          清除重签
        </Button>
      </div>
      <canvas
        ref={canvas}
        data-testid={testId}
        aria-label={label}
        style={{ width: '100%', height: HEIGHT, border: '1px dashed #999', borderRadius: 4, touchAction: 'none', display: 'block', background: '#fff' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = point(e);
          drawing.current = p;
          const ctx = e.currentTarget.getContext('2d');
          ctx?.beginPath();
          ctx?.arc(p.x, p.y, 1, 0, Math.PI * 2);
          ctx?.fill();
          setSigned(true);
        }}
        onPointerMove={(e) => {
          const from = drawing.current;
          if (!from) return;
          const to = point(e);
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          ctx.beginPath();
          ctx.moveTo(from.x, from.y);
          ctx.lineTo(to.x, to.y);
          ctx.stroke();
          drawing.current = to;
          setSigned(true);
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
    </div>
  );
}
