import { Space } from 'antd';
import { ApplyProfileButton } from './ApplyProfileButton';
import { MemberProfileActions } from './MemberProfileActions';
import { SaveAsProfileButton } from './SaveAsProfileButton';

/** The profile actions a section offers: 申报单位 and 项目负责人 keep and reuse whole blocks, 项目组成员 rows. */
export function SectionProfileBar({ sectionId }: { sectionId: string }) {
  if (sectionId === 'members') return <MemberProfileActions />;
  const kind = sectionId === 'applicant' ? 'unit' : sectionId === 'pi' ? 'person' : null;
  if (!kind) return null;
  return (
    <Space wrap className="profile-bar">
      <ApplyProfileButton kind={kind} />
      <SaveAsProfileButton kind={kind} />
    </Space>
  );
}
