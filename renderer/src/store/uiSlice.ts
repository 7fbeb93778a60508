import type { StateCreator } from 'zustand';
import { routeFromHash } from '../app/hashRoute';
import type { AppState, UiSlice } from './types';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  route: routeFromHash(window.location.hash),
  listTab: 'drafts',
  setRoute: (route) => set({ route }),
  setListTab: (listTab) => set({ listTab }),
});
