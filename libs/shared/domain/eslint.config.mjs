import baseConfig, { sharedLibRules } from '../../../eslint.config.mjs';

export default [...baseConfig, sharedLibRules];
