export { SaveAsProfileButton } from './SaveAsProfileButton';
export { ProfilePicker } from './ProfilePicker';
export { profileValuesOf, PROFILE_KIND_LABEL } from './profileValues';
