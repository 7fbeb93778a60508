import type { StateCreator } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { AppState, ProfilesSlice } from './types';

export const createProfilesSlice: StateCreator<AppState, [], [], ProfilesSlice> = (set, get) => ({
  profiles: [],
  profilesLoaded: false,
  profilesError: null,

  loadProfiles: async () => {
    try {
      const profiles = await call('profilesList', {});
      set({ profiles, profilesLoaded: true, profilesError: null });
    } catch (e) {
      set({ profilesError: errorMessage(e), profilesLoaded: true });
    }
  },

  saveProfile: async (kind, name, values, id) => {
    const saved = await call('profilesSave', id ? { id, kind, name, values } : { kind, name, values });
    await get().loadProfiles();
    return saved;
  },

  deleteProfile: async (id) => {
    await call('profilesDelete', { id });
    await get().loadProfiles();
  },
});
