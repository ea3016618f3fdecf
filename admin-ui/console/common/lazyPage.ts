import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page whose code is fetched the first time it is opened, so the console's first download is only the login
 * page and the layout. react-admin's layout holds the Suspense boundary that shows a spinner meanwhile.
 */
// React.lazy itself takes a ComponentType<any>: the page's props are whatever react-admin's routes give it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lazyPage = <Name extends string, Module extends Record<Name, ComponentType<any>>>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> => lazy(() => load().then((module) => ({ default: module[name] })));
