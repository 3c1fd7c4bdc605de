import { Tag } from 'antd';
import type { CreditGrade } from '../../../contracts/credit.js';

export const GRADE_COLORS: Record<CreditGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
export const SHORT_GRADES: Record<CreditGrade, string> = { A: 'A级', B: 'B级', C: 'C级', D: 'D级' };

/** A unit's grade as a coloured tag (未评定 when none). */
export function GradeTag({ grade }: { grade: CreditGrade | null | undefined }) {
  return grade ? (
    <Tag color={GRADE_COLORS[grade]} style={{ marginInlineEnd: 0 }}>
      {SHORT_GRADES[grade]}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>未评定</Tag>
  );
}
