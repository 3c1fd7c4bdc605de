import { Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import SignaturePadLib from 'signature_pad';

/**
 * A signature drawn with a finger on a canvas (signature_pad). The canvas takes the width of its
 * box (a phone's 390 px included) at up to 2× pixels; 确认签名 hands back a PNG data URL.
 */
export function SignaturePad({ label, value, onChange }: { label: string; value?: string; onChange: (png: string | undefined) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  const [empty, setEmpty] = useState(true);
  useEffect(() => {
    const c = canvas.current;
    if (!c || value) return;
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    c.getContext('2d')!.scale(ratio, ratio);
    const p = new SignaturePadLib(c, { penColor: '#000', minWidth: 1, maxWidth: 2.5 });
    p.addEventListener('endStroke', () => setEmpty(p.isEmpty()));
    pad.current = p;
    return () => p.off();
  }, [value]);
  if (value) {
    return (
      <div>
        <img
          src={value}
          alt={`${label}的签名`}
          style={{ maxWidth: '100%', height: 80, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
        />
        <div>
          <Button size="small" type="link" onClick={() => onChange(undefined)} style={{ paddingLeft: 0 }}>
            重新签名
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <canvas
        ref={canvas}
        aria-label={`${label}签名区`}
        data-testid="signature-canvas"
        style={{
          width: '100%',
          height: 160,
          border: '1px dashed #999',
          borderRadius: 6,
          background: '#fff',
          touchAction: 'none',
          display: 'block',
        }}
      />
      <Space style={{ marginTop: 6 }}>
        <Button size="small" onClick={() => (pad.current?.clear(), setEmpty(true))}>
          清除
        </Button>
        <Button size="small" type="primary" disabled={empty} onClick={() => pad.current && onChange(pad.current.toDataURL('image/png'))}>
          确认签名
        </Button>
      </Space>
    </div>
  );
}
