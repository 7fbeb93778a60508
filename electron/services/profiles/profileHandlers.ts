import type { Handlers } from '../../../shared/ipc/contract';
import type { ProfileService } from './profileService';

export function createProfileHandlers(profiles: ProfileService): Pick<Handlers, 'profilesList' | 'profilesSave' | 'profilesDelete'> {
  return {
    profilesList: (input) => profiles.list(input.kind),
    profilesSave: (input) => profiles.save(input),
    profilesDelete: (input) => profiles.delete(input.id),
  };
}
