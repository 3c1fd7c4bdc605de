import { Input, Radio } from 'antd';
import { useAuth } from '../../../lib/auth.js';
import { SignaturePad } from '../SignaturePad.js';
import { poolName, omit, type SectionProps } from './helpers.js';
import { Section } from './layout.js';

/**
 * 签名: every inspector (the signed-in one on this phone; another by password here, or later in their
 * own account) and the unit's person present (name, title, signature).
 */
export function SignaturesSection({
  draft,
  set,
  locked,
  passwords: pw,
  putPassword,
}: SectionProps & { passwords: Record<number, string>; putPassword: (uid: number, value: string) => void }) {
  const { me } = useAuth();
  const v = draft.values;
  const name = (uid: number) => poolName(draft, uid);
  return (
    <Section title="签名">
      {v.inspectorIds.map((uid) => {
        const s = v.inspectorSignatures[uid];
        const mine = uid === me?.id;
        const put = (x: Partial<{ image: string }> | null) =>
          set({
            inspectorSignatures:
              x === null ? omit(v.inspectorSignatures, uid) : { ...v.inspectorSignatures, [uid]: { ...(s ?? { image: '' }), ...x } },
          });
        const later = !mine && !s;
        return (
          <div
            key={uid}
            data-testid="inspector-signature"
            style={{ marginBottom: 12, paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}
          >
            <div style={{ fontWeight: 600, marginBottom: 4 }}>
              检查人员：{mine ? me?.name : name(uid)}
              {mine && '（本人）'}
            </div>
            {!mine && (
              <Radio.Group
                size="small"
                disabled={locked}
                value={later ? 'later' : 'here'}
                onChange={(e) => put(e.target.value === 'later' ? null : { image: '' })}
                style={{ marginBottom: 6, display: 'flex', flexWrap: 'wrap', rowGap: 4 }}
              >
                <Radio value="here">在本机输入密码签名</Radio>
                <Radio value="later">在其本人账号签名</Radio>
              </Radio.Group>
            )}
            {!mine && s && (
              <Input.Password
                style={{ marginBottom: 6 }}
                placeholder={`${name(uid)}的登录密码`}
                autoComplete="off"
                disabled={locked}
                value={pw[uid]}
                onChange={(e) => putPassword(uid, e.target.value)}
                aria-label={`${name(uid)}的密码`}
              />
            )}
            {later ? (
              <div style={{ fontSize: 13, color: '#888' }}>提交后由其在本人账号中“签名确认”</div>
            ) : !locked || s?.image ? (
              <SignaturePad
                label={mine ? (me?.name ?? '') : name(uid)}
                value={s?.image || undefined}
                onChange={(image) => (image ? put({ image }) : mine ? put(null) : put({ image: '' }))}
              />
            ) : null}
          </div>
        );
      })}
      <div data-testid="unit-signature">
        <div style={{ fontWeight: 600, marginBottom: 4 }}>被检查单位在场人员</div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            placeholder="姓名"
            maxLength={50}
            disabled={locked}
            value={v.unitSignature?.name}
            onChange={(e) => set({ unitSignature: { ...v.unitSignature, name: e.target.value } })}
            aria-label="单位签名人姓名"
          />
          <Input
            placeholder="职务"
            maxLength={50}
            disabled={locked}
            value={v.unitSignature?.title}
            onChange={(e) => set({ unitSignature: { name: '', ...v.unitSignature, title: e.target.value } })}
            aria-label="单位签名人职务"
          />
        </div>
        <div style={{ marginTop: 6 }}>
          {(!locked || v.unitSignature?.image) && (
            <SignaturePad
              label="被检查单位"
              value={v.unitSignature?.image}
              onChange={(image) => set({ unitSignature: { name: '', ...v.unitSignature, image } })}
            />
          )}
        </div>
      </div>
    </Section>
  );
}
