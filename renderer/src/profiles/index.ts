export { SaveAsProfileButton } from './SaveAsProfileButton';
export { ProfilePicker } from './ProfilePicker';
export { ProfilesPage } from './ProfilesPage';
export { SectionProfileBar } from './SectionProfileBar';
export { profileValuesOf, PROFILE_KIND_LABEL } from './profileValues';
