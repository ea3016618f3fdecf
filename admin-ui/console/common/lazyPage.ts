import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page whose code is fetched the first time it is opened, so the console's first download is only the login
 * page and the layout. react-admin's layout holds the Suspense boundary that shows a spinner meanwhile.
 */
export const lazyPage = <Name extends string, Module extends Record<Name, ComponentType<any>>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> => lazy(() => load().then(module => ({ default: module[name] })));
