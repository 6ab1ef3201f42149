import { createLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

/** The product's teal (the icons' #0F766E at step 80, Fluent's primary button colour). */
const TEAL: BrandVariants = {
  10: '#020F0D',
  20: '#06211D',
  30: '#0A332D',
  40: '#0C443C',
  50: '#0D544A',
  60: '#0E6359',
  70: '#0F6D64',
  80: '#0F766E',
  90: '#2A857D',
  100: '#45948C',
  110: '#5FA39C',
  120: '#79B3AC',
  130: '#93C3BD',
  140: '#ADD3CE',
  150: '#C8E3DF',
  160: '#E3F2F0',
};

export const junhengTheme: Theme = createLightTheme(TEAL);
