export * from './constants';
export * from './regexes';
export * from './schemas';
export * from './utilities';
