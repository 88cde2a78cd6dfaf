export {
	analyticsEventSchema,
	customEventSchema,
	errorEventSchema,
	observabilityEventSchema,
	outgoingLinkSchema,
	webVitalsEventSchema,
} from '@databuddy/validation';
